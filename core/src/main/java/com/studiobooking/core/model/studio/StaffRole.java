package com.studiobooking.core.model.studio;

public enum StaffRole { OWNER, STAFF }
