package com.studiobooking.core.booking;

public enum PaymentStatus { PAID, UNPAID, NOT_REQUIRED, REFUNDED }
