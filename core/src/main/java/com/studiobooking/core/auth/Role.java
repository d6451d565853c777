package com.studiobooking.core.auth;

public enum Role {
    OWNER, STAFF, CLIENT;

    public boolean isStaff() { return this != CLIENT; }
}
