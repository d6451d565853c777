package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.auth.LoginCode;
import com.studiobooking.core.auth.LoginCodeStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.dynamo.Attr.s;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/**
 * Login codes and request counters. Each item carries a {@code ttl} so DynamoDB deletes it after use;
 * since expired items may still be read before that, every condition also checks the expiry itself.
 */
public final class DynamoLoginCodeStore implements LoginCodeStore {
    private final Table table;

    public DynamoLoginCodeStore(DynamoDbClient client, String tableName) {
        this.table = new Table(client, tableName);
    }

    @Override
    public boolean admitRequest(String studioId, String email, Instant windowStart, int max, Instant forgetAfter) {
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(Table.key(Keys.studioLogins(studioId), Keys.loginRate(email, windowStart.getEpochSecond())))
                    .updateExpression("ADD requests :one SET #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(requests) OR requests < :max")
                    .expressionAttributeNames(Map.of("#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max), ":ttl", n(forgetAfter.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void save(LoginCode code) {
        table.client().putItem(b -> b.tableName(table.name()).item(Attr.item()
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
        try {
            Map<String, AttributeValue> before = table.client().updateItem(b -> b.tableName(table.name())
                    .key(Table.key(Keys.studioLogins(studioId), Keys.loginCode(email)))
                    .updateExpression("SET attemptsLeft = attemptsLeft - :one")
                    .conditionExpression("attemptsLeft > :zero AND expiresAtEpoch > :now")
                    .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0), ":now", n(now.getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(new LoginCode(studioId, email, str(before, "codeHash"),
                    Instant.ofEpochSecond(Long.parseLong(before.get("expiresAtEpoch").n())), integer(before, "attemptsLeft")));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean consume(String studioId, String email, String codeHash) {
        try {
            table.client().deleteItem(b -> b.tableName(table.name())
                    .key(Table.key(Keys.studioLogins(studioId), Keys.loginCode(email)))
                    .conditionExpression("codeHash = :h")
                    .expressionAttributeValues(Map.of(":h", s(codeHash))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
