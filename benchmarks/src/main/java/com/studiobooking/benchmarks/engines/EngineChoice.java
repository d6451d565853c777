package com.studiobooking.benchmarks.engines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurement behind the local runtime's table engine (docs/decisions/storage-engines.md): SQLite
 * and H2, the same workload through JDBC, as {@code SqliteItemTable} runs it — one durable write
 * transaction that reads 6 items by key and writes 6 (a booking: the booking, its pointer, calendar
 * entry and time claims), on one connection, in a file on disk — and a point read. Each engine runs
 * twice, alternating, 5 rounds of {@code n} transactions each; the median round is reported.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar engines [n] [--dir DIR]}
 */
public final class EngineChoice {
    private EngineChoice() {}

    public static void main(String[] args) throws Exception {
        int n = 1000;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dir")) dir = Path.of(args[++i]);
            else n = Integer.parseInt(args[i]);
        }
        Path base = dir == null ? Files.createTempDirectory("engine-choice") : Files.createTempDirectory(dir, "engine-choice");
        System.out.println("engine  transaction (6 reads + 6 writes, durable commit)   point read    (" + n
                + " per round, 5 rounds, median round; files in " + base.toAbsolutePath() + ")");
        try {
            for (String engine : List.of("sqlite", "h2", "sqlite", "h2")) {
                try (Connection c = open(engine, base)) {
                    run(engine, c, n);
                }
            }
        } finally {
            try (var files = Files.walk(base)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static Connection open(String engine, Path base) throws SQLException {
        if (engine.equals("sqlite")) {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + base.resolve("table.sqlite"));
            try (Statement s = c.createStatement()) {
                // as SqliteItemTable opens its file
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS items (pk TEXT NOT NULL, sk TEXT NOT NULL, body TEXT NOT NULL, "
                        + "PRIMARY KEY (pk, sk)) WITHOUT ROWID");
            }
            return c;
        }
        // WRITE_DELAY=0: each commit reaches the file before it returns, as SQLite's synchronous=FULL does
        Connection c = DriverManager.getConnection("jdbc:h2:" + base.resolve("table-h2") + ";WRITE_DELAY=0");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS items (pk VARCHAR NOT NULL, sk VARCHAR NOT NULL, body VARCHAR NOT NULL, "
                    + "PRIMARY KEY (pk, sk))");
        }
        return c;
    }

    private static void run(String engine, Connection c, int n) throws SQLException {
        c.setAutoCommit(false);
        String upsert = engine.equals("sqlite") ? "INSERT OR REPLACE INTO items (pk, sk, body) VALUES (?, ?, ?)"
                : "MERGE INTO items (pk, sk, body) KEY (pk, sk) VALUES (?, ?, ?)";
        String body = "{\"name\":{\"S\":\"" + "x".repeat(300) + "\"},\"seats\":{\"N\":\"3\"}}";
        List<Double> transactions = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (PreparedStatement read = c.prepareStatement("SELECT body FROM items WHERE pk = ? AND sk = ?");
                     PreparedStatement write = c.prepareStatement(upsert)) {
                    for (int k = 0; k < 6; k++) {
                        read.setString(1, "STUDIO#st_" + (i % 50));
                        read.setString(2, "ITEM#" + k + "#" + i);
                        try (ResultSet r = read.executeQuery()) {
                            r.next();
                        }
                    }
                    for (int k = 0; k < 6; k++) {
                        write.setString(1, "STUDIO#st_" + (i % 50));
                        write.setString(2, "ITEM#" + k + "#" + i);
                        write.setString(3, body);
                        write.executeUpdate();
                    }
                }
                c.commit();
            }
            transactions.add((System.nanoTime() - start) / 1e3 / n);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (PreparedStatement read = c.prepareStatement("SELECT body FROM items WHERE pk = ? AND sk = ?")) {
                    read.setString(1, "STUDIO#st_" + (i % 50));
                    read.setString(2, "ITEM#0#" + i);
                    try (ResultSet r = read.executeQuery()) {
                        r.next();
                    }
                }
            }
            reads.add((System.nanoTime() - start) / 1e3 / n);
        }
        Collections.sort(transactions);
        Collections.sort(reads);
        System.out.printf("%-6s  median %6.0f µs (min %.0f, max %.0f)%23s median %5.1f µs%n", engine,
                transactions.get(2), transactions.get(0), transactions.get(4), "", reads.get(2));
    }
}
