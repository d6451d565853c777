package com.studiobooking.archfixture.cycle.first;

import com.studiobooking.archfixture.cycle.second.Second;

/** Half of a deliberate package cycle: proves that {@code CoreArchitectureTest}'s rules can fail. */
public class First {
    Second next;
}
