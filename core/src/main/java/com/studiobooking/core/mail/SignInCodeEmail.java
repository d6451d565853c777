package com.studiobooking.core.mail;

import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Duration;
import java.util.List;

/** The one-time sign-in code, in the studio's language: the code stands alone, large, in the HTML. */
public final class SignInCodeEmail {
    private SignInCodeEmail() {}

    public static Email of(String to, StudioSettings studio, String code, Duration lifetime) {
        StudioFormat t = new StudioFormat(studio);
        String intro = t.text("signIn.codeIs", "studio", studio.name());
        String expiry = t.plural("signIn.expires", lifetime.toMinutes());
        String text = intro + " " + code + "\n\n" + expiry + "\n";
        String html = "<!DOCTYPE html>\n<html lang=\"" + Html.escape(t.language()) + "\"><body style=\"font-family:sans-serif\">\n"
                + "<p>" + Html.escape(intro) + "</p>\n"
                + "<p style=\"font-size:28px;letter-spacing:4px\"><strong>" + Html.escape(code) + "</strong></p>\n"
                + "<p>" + Html.escape(expiry) + "</p>\n</body></html>\n";
        return new Email(List.of(to), List.of(), MailBody.oneLine(t.text("subject.signInCode", "studio", studio.name())),
                text, html, List.of());
    }
}
