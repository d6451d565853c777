package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.identity.LoginCode;
import com.studiobooking.core.port.LoginCodeStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/**
 * Login codes and request counters. Each item carries a {@code ttl} so DynamoDB deletes it after use;
 * since expired items may still be read before that, every condition also checks the expiry itself.
 */
public final class DynamoLoginCodeStore implements LoginCodeStore {
    private final ItemTable table;

    public DynamoLoginCodeStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public boolean admitRequest(String studioId, String email, Instant windowStart, int max, Instant forgetAfter) {
        return table.write(Write.change(Keys.studioLogins(studioId), Keys.loginRate(email, windowStart.getEpochSecond()),
                Update.create().add("requests", 1).set(Keys.TTL, forgetAfter.getEpochSecond()),
                Condition.anyOf(Condition.missing("requests"), Condition.is("requests", Condition.Op.LT, max))));
    }

    @Override
    public void save(LoginCode code) {
        table.write(Write.put(Attr.item()
                .put(Keys.PK, Keys.studioLogins(code.studioId()))
                .put(Keys.SK, Keys.loginCode(code.email()))
                .put("type", "LOGIN_CODE")
                .put("codeHash", code.codeHash())
                .put("attemptsLeft", code.attemptsLeft())
                .putAll(Map.of("expiresAtEpoch", n(code.expiresAt().getEpochSecond()),
                        Keys.TTL, n(code.expiresAt().getEpochSecond() + 3600)))
                .build()));
    }

    @Override
    public Optional<LoginCode> spendAttempt(String studioId, String email, Instant now) {
        Optional<Map<String, AttributeValue>> before = table.changeReturningOld(new Write.Change(
                Keys.studioLogins(studioId), Keys.loginCode(email), Update.create().add("attemptsLeft", -1),
                Condition.is("attemptsLeft", Condition.Op.GT, 0)
                        .and(Condition.is("expiresAtEpoch", Condition.Op.GT, now.getEpochSecond()))));
        return before.map(b -> new LoginCode(studioId, email, str(b, "codeHash"),
                Instant.ofEpochSecond(Long.parseLong(b.get("expiresAtEpoch").n())), integer(b, "attemptsLeft")));
    }

    @Override
    public boolean consume(String studioId, String email, String codeHash) {
        return table.write(Write.delete(Keys.studioLogins(studioId), Keys.loginCode(email),
                Condition.eq("codeHash", codeHash)));
    }
}
