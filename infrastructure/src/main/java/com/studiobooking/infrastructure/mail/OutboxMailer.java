package com.studiobooking.infrastructure.mail;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.port.Mailer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps sent e-mail in memory instead of sending it: the local runtime's outbox (shown at
 * /_dev/mail) and the place tests read e-mails from.
 */
public final class OutboxMailer implements Mailer {
    private final List<Email> sent = new ArrayList<>();
    private final Consumer<Email> onSend;

    public OutboxMailer() {
        this(email -> { });
    }

    /** {@code onSend} sees every e-mail as it is sent (the local runtime prints it). */
    public OutboxMailer(Consumer<Email> onSend) {
        this.onSend = onSend;
    }

    @Override
    public void send(Email email) {
        synchronized (sent) {
            sent.add(email);
        }
        onSend.accept(email);
    }

    public List<Email> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public List<Email> sentTo(String address) {
        return sent().stream().filter(e -> e.to().contains(address) || e.cc().contains(address)).toList();
    }

    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }
}
