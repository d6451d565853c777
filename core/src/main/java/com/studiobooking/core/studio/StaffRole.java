package com.studiobooking.core.studio;

public enum StaffRole { OWNER, STAFF }
