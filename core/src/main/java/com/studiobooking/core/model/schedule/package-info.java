/**
 * The one-time jobs (and the daily instructors' digest) the system schedules: their kinds, names and inputs,
 * defined once ({@code TimedJobs}).
 */
package com.studiobooking.core.model.schedule;
