package com.studiobooking.archfixture.cycle.second;

import com.studiobooking.archfixture.cycle.first.First;

/** The other half of the deliberate package cycle. */
public class Second {
    First back;
}
