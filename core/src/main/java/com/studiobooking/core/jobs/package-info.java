/**
 * The top of core: runs a timed job when its schedule fires (the timed-jobs function; the in-process
 * scheduler locally).
 */
package com.studiobooking.core.jobs;
