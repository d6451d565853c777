package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.session.OnlineAccess;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** How to join online: the same nested map on a session item and on an online appointment's booking item. */
final class OnlineAccessMapper {
    private OnlineAccessMapper() {}

    static Map<String, AttributeValue> item(OnlineAccess a) {
        return a == null ? null : Attr.item().put("link", a.link()).put("instructions", a.instructions())
                .put("password", a.password()).build();
    }

    /** The stored access; NONE when the item has none. */
    static OnlineAccess access(Map<String, AttributeValue> a) {
        return a == null ? OnlineAccess.NONE : new OnlineAccess(str(a, "link"), str(a, "instructions"), str(a, "password"));
    }
}
