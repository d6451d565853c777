package com.studiobooking.core.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An e-mail body written once and rendered twice: plain text, and HTML in which every value is
 * escaped. Rows without a value are left out; a link is clickable only when it is a web address.
 */
public final class MailBody {
    /** One labelled value of a details table. */
    public record Row(String label, String value) {
    }

    private sealed interface Block permits Paragraph, Details, Link {}

    private record Paragraph(String text) implements Block {}

    private record Details(List<Row> rows) implements Block {}

    private record Link(String label, String url) implements Block {}

    private final List<Block> blocks = new ArrayList<>();
    private final String language;

    /** A body in English. */
    public MailBody() {
        this("en");
    }

    /** A body in {@code language} (a BCP 47 tag, written into the HTML's {@code lang}). */
    public MailBody(String language) {
        this.language = language;
    }

    public static Row row(String label, String value) {
        return new Row(label, value);
    }

    public MailBody paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public MailBody details(List<Row> rows) {
        List<Row> present = rows.stream().filter(r -> r.value() != null && !r.value().isBlank()).toList();
        if (!present.isEmpty()) blocks.add(new Details(present));
        return this;
    }

    public MailBody link(String label, String url) {
        blocks.add(new Link(label, url));
        return this;
    }

    /** The message with this body; the subject is made one line, as a mail header must be. */
    public Email email(List<String> to, List<String> cc, String subject, List<Email.Attachment> attachments) {
        return new Email(to, cc, oneLine(subject), text(), html(), attachments);
    }

    public String text() {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Paragraph p) {
                parts.add(p.text());
            } else if (block instanceof Details d) {
                parts.add(d.rows().stream().map(r -> r.label() + ": " + r.value().replace("\n", "\n  "))
                        .collect(Collectors.joining("\n")));
            } else if (block instanceof Link l) {
                parts.add(l.label() + ": " + l.url());
            }
        }
        return String.join("\n\n", parts) + "\n";
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(Html.escape(language))
                .append("\"><body style=\"font-family:sans-serif\">\n");
        for (Block block : blocks) {
            if (block instanceof Paragraph p) {
                out.append("<p>").append(multiline(p.text())).append("</p>\n");
            } else if (block instanceof Details d) {
                out.append("<table>\n");
                for (Row r : d.rows()) {
                    out.append("<tr><th align=\"left\" valign=\"top\">").append(Html.escape(r.label()))
                            .append("</th><td>").append(multiline(r.value())).append("</td></tr>\n");
                }
                out.append("</table>\n");
            } else if (block instanceof Link l) {
                String url = Html.escape(l.url());
                boolean web = l.url().startsWith("https://") || l.url().startsWith("http://");
                out.append("<p>").append(Html.escape(l.label())).append(": ")
                        .append(web ? "<a href=\"" + url + "\">" + url + "</a>" : url).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    /** A subject is a mail header: no line breaks may reach it. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String multiline(String text) {
        return Html.escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }
}
