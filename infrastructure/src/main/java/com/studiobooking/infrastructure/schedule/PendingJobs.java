package com.studiobooking.infrastructure.schedule;

import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.TableShape;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the in-process scheduler keeps its pending jobs beyond its own memory, so that the local
 * runtime's reminders and releases survive a restart. {@link #NONE} keeps nothing (tests).
 */
public interface PendingJobs {

    List<ScheduledJob> load();

    void save(ScheduledJob job);

    /** Forgets the job of that name, unless it was replaced meanwhile by one at another time. */
    void forget(ScheduledJob job);

    /** Forgets the job of that name, whatever its time. */
    void forget(String name);

    PendingJobs NONE = new PendingJobs() {
        @Override public List<ScheduledJob> load() { return List.of(); }
        @Override public void save(ScheduledJob job) { }
        @Override public void forget(ScheduledJob job) { }
        @Override public void forget(String name) { }
    };

    /** The jobs as items of one partition of the table, {@code LOCAL#SCHEDULES}, one per name. */
    static PendingJobs in(ItemTable table) {
        String partition = "LOCAL#SCHEDULES";
        return new PendingJobs() {
            @Override
            public List<ScheduledJob> load() {
                return table.query(KeyQuery.partition(partition)).stream().map(i -> {
                    Map<String, String> input = new HashMap<>();
                    i.get("input").m().forEach((k, v) -> input.put(k, v.s()));
                    return new ScheduledJob(i.get("name").s(), Instant.parse(i.get("at").s()), i.get("zone").s(),
                            JobKind.valueOf(i.get("kind").s()), input);
                }).toList();
            }

            @Override
            public void save(ScheduledJob job) {
                Map<String, AttributeValue> input = new HashMap<>();
                job.input().forEach((k, v) -> input.put(k, AttributeValue.fromS(v)));
                table.write(Write.put(Map.of(TableShape.PK, AttributeValue.fromS(partition),
                        TableShape.SK, AttributeValue.fromS(job.name()), "name", AttributeValue.fromS(job.name()),
                        "at", AttributeValue.fromS(job.at().toString()), "zone", AttributeValue.fromS(job.zone()),
                        "kind", AttributeValue.fromS(job.kind().name()), "input", AttributeValue.fromM(input))));
            }

            @Override
            public void forget(ScheduledJob job) {
                table.write(Write.delete(partition, job.name(), Condition.eq("at", job.at().toString())));
            }

            @Override
            public void forget(String name) {
                table.write(Write.delete(partition, name));
            }
        };
    }
}
