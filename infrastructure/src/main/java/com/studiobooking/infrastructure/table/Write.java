package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** One conditional write to one item: alone ({@link ItemTable#write}) or in a transaction. */
public sealed interface Write {
    String pk();

    String sk();

    Condition condition();

    /** Replaces the whole item. */
    record Put(Map<String, AttributeValue> item, Condition condition) implements Write {
        public Put {
            item = Map.copyOf(item);
        }

        @Override
        public String pk() { return item.get(TableShape.PK).s(); }

        @Override
        public String sk() { return item.get(TableShape.SK).s(); }
    }

    /** Changes some attributes; creates the item when it does not exist (and the condition allows). */
    record Change(String pk, String sk, Update update, Condition condition) implements Write { }

    record Delete(String pk, String sk, Condition condition) implements Write { }

    /** Writes nothing; fails the transaction unless the condition holds. */
    record Check(String pk, String sk, Condition condition) implements Write { }

    static Write put(Map<String, AttributeValue> item) {
        return new Put(item, Condition.always());
    }

    /** A put that fails if the item exists. */
    static Write putNew(Map<String, AttributeValue> item) {
        return new Put(item, Condition.missing(TableShape.PK));
    }

    /** A put that fails unless the item exists. */
    static Write putExisting(Map<String, AttributeValue> item) {
        return new Put(item, Condition.exists(TableShape.PK));
    }

    static Write put(Map<String, AttributeValue> item, Condition condition) {
        return new Put(item, condition);
    }

    static Write change(String pk, String sk, Update update, Condition condition) {
        return new Change(pk, sk, update, condition);
    }

    static Write delete(String pk, String sk) {
        return new Delete(pk, sk, Condition.always());
    }

    static Write delete(String pk, String sk, Condition condition) {
        return new Delete(pk, sk, condition);
    }

    static Write requireExists(String pk, String sk) {
        return new Check(pk, sk, Condition.exists(TableShape.PK));
    }
}
