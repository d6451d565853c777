package com.studiobooking.functions.architecture;

import com.studiobooking.infrastructure.config.SecretResolver;

/** A handler that builds an adapter itself: proves that {@link FunctionsArchitectureTest}'s rule can fail. */
class HandlerThatBypassesTheWiring {
    SecretResolver secrets;
}
