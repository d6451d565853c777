package com.studiobooking.benchmarks.slots;

import com.studiobooking.core.model.slots.Slot;
import com.studiobooking.core.model.slots.SlotFinder;
import com.studiobooking.core.model.slots.SlotQuery;
import com.studiobooking.core.model.slots.StaffSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * {@link SlotFinder#find} on the {@link SlotScenario}: the public page's "any staff" list over 3 staff, and one
 * practitioner's list. Run settings come from the command line ({@code java -jar benchmarks.jar slots}).
 */
@State(Scope.Benchmark)
public class SlotLookupBenchmark {
    @Param({"0", "2000", "4000"})
    public int appointments;

    private SlotQuery query;
    private List<StaffSchedule> threeStaff;
    private List<StaffSchedule> firstStaff;

    @Setup
    public void buildScenario() {
        SlotScenario scenario = SlotScenario.of(appointments);
        query = scenario.query();
        threeStaff = scenario.staff();
        firstStaff = scenario.oneStaff();
    }

    @Benchmark
    public List<Slot> anyStaff() {
        return SlotFinder.find(query, threeStaff, true);
    }

    @Benchmark
    public List<Slot> oneStaff() {
        return SlotFinder.find(query, firstStaff, false);
    }
}
