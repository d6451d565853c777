package com.studiobooking.core.model.identity;

public enum Role {
    OWNER, STAFF, CLIENT;

    public boolean isStaff() { return this != CLIENT; }
}
