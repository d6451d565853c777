package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The table on an embedded SQLite database (public domain; the driver is Apache-2.0): the local
 * runtime's engine, kept in one file across restarts, or in memory.
 *
 * <p>Every item is one row, its attributes stored as DynamoDB JSON; the sort keys of each global
 * secondary index are rows of their own. Each write, alone or in a transaction, runs inside one SQLite
 * transaction ({@code BEGIN IMMEDIATE}: the database's write lock) that reads the items, checks every
 * condition and writes all or nothing, so conflicting writes are serialised as DynamoDB serialises
 * them and a crash or {@code kill -9} leaves either the whole transaction or none of it. Where
 * DynamoDB refuses a request as malformed (a key over its size limit, two writes to one item in a
 * transaction, more than 100 writes, an item over 400 KB) this engine refuses it too, with a
 * {@link TableException}. Expired items are deleted when the table is opened (DynamoDB deletes them
 * within days; the stores never rely on either).
 */
public final class SqliteItemTable implements ItemTable, AutoCloseable {
    private static final String FORMAT = "1";

    private final Connection connection;
    private final TableShape shape;
    private final ItemRules rules;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteItemTable(Connection connection, TableShape shape) {
        this.connection = connection;
        this.shape = shape;
        this.rules = new ItemRules(shape);
    }

    /** The table in {@code file}, created with its folder when missing. */
    public static SqliteItemTable open(Path file, TableShape shape, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            SqliteItemTable table = new SqliteItemTable(
                    DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()), shape);
            table.prepare(true, clock);
            return table;
        } catch (SQLException | java.io.IOException e) {
            throw new TableException("could not open the table in " + file + ": " + e.getMessage(), e);
        }
    }

    /** A throwaway table that lives as long as this object. */
    public static SqliteItemTable inMemory(TableShape shape) {
        try {
            SqliteItemTable table = new SqliteItemTable(DriverManager.getConnection("jdbc:sqlite::memory:"), shape);
            table.prepare(false, Clock.systemUTC());
            return table;
        } catch (SQLException e) {
            throw new TableException("could not create an in-memory table: " + e.getMessage(), e);
        }
    }

    private void prepare(boolean onDisk, Clock clock) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            if (onDisk) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            s.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS items (pk TEXT NOT NULL, sk TEXT NOT NULL, expires INTEGER, "
                    + "body TEXT NOT NULL, PRIMARY KEY (pk, sk)) WITHOUT ROWID");
            s.execute("CREATE TABLE IF NOT EXISTS index_keys (idx TEXT NOT NULL, ipk TEXT NOT NULL, isk TEXT NOT NULL, "
                    + "pk TEXT NOT NULL, sk TEXT NOT NULL, PRIMARY KEY (idx, ipk, isk, pk, sk)) WITHOUT ROWID");
            s.execute("CREATE INDEX IF NOT EXISTS index_keys_of_item ON index_keys (pk, sk)");
        }
        inTransaction(() -> {
            String described = FORMAT + " " + shape;
            if (!described.equals(meta("shape"))) {
                reindex();
                setMeta("shape", described);
            }
            deleteExpired(clock.instant().getEpochSecond());
            return null;
        });
    }

    @Override
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        rules.validateKey(pk, sk);
        return locked(() -> read(pk, sk));
    }

    @Override
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        rules.validateQuery(query);
        String sql;
        List<String> args = new ArrayList<>();
        if (query.index() == null) {
            sql = "SELECT body FROM items WHERE pk = ?";
            args.add(query.partition());
            sql += sortKeyFilter("sk", query, args) + " ORDER BY sk";
        } else {
            sql = "SELECT i.body FROM index_keys k JOIN items i ON i.pk = k.pk AND i.sk = k.sk WHERE k.idx = ? AND k.ipk = ?";
            args.add(query.index());
            args.add(query.partition());
            sql += sortKeyFilter("k.isk", query, args) + " ORDER BY k.isk, k.pk, k.sk";
        }
        String statement = sql;
        return locked(() -> {
            try (PreparedStatement select = connection.prepareStatement(statement)) {
                for (int i = 0; i < args.size(); i++) select.setString(i + 1, args.get(i));
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) items.add(ItemJson.read(rows.getString(1)));
                }
                return items;
            }
        });
    }

    private static String sortKeyFilter(String column, KeyQuery query, List<String> args) {
        if (query.prefix() != null) {
            args.add(query.prefix());
            args.add(query.prefix());
            args.add(query.prefix());
            return " AND " + column + " >= ? AND substr(" + column + ", 1, length(?)) = ?";
        }
        if (query.from() != null) {
            args.add(query.from());
            args.add(query.to());
            return " AND " + column + " BETWEEN ? AND ?";
        }
        return "";
    }

    @Override
    public boolean write(Write write) {
        return tryTransact(List.of(write)) == null;
    }

    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        rules.validateKey(change.pk(), change.sk());
        return inTransaction(() -> rules.changeReturningOld(change, items));
    }

    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        rules.validateTransaction(writes);
        return inTransaction(() -> rules.transact(writes, items));
    }

    /** The rows as the shared rules read and store them (called inside {@link #inTransaction}). */
    private final ItemRules.Items<SQLException> items = new ItemRules.Items<>() {
        @Override
        public Map<String, AttributeValue> read(String pk, String sk) throws SQLException {
            return SqliteItemTable.this.read(pk, sk).orElse(Map.of());
        }

        @Override
        public void store(String pk, String sk, Map<String, AttributeValue> item) throws SQLException {
            SqliteItemTable.this.store(pk, sk, item);
        }
    };

    private Optional<Map<String, AttributeValue>> read(String pk, String sk) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT body FROM items WHERE pk = ? AND sk = ?")) {
            select.setString(1, pk);
            select.setString(2, sk);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ItemJson.read(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** Writes the item (null deletes it) and its index keys. */
    private void store(String pk, String sk, Map<String, AttributeValue> item) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM index_keys WHERE pk = ? AND sk = ?")) {
            delete.setString(1, pk);
            delete.setString(2, sk);
            delete.executeUpdate();
        }
        if (item == null) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM items WHERE pk = ? AND sk = ?")) {
                delete.setString(1, pk);
                delete.setString(2, sk);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement put = connection.prepareStatement(
                "INSERT OR REPLACE INTO items (pk, sk, expires, body) VALUES (?, ?, ?, ?)")) {
            put.setString(1, pk);
            put.setString(2, sk);
            Long expires = expiry(item);
            if (expires == null) put.setNull(3, java.sql.Types.INTEGER);
            else put.setLong(3, expires);
            put.setString(4, ItemJson.write(item));
            put.executeUpdate();
        }
        indexKeys(pk, sk, item);
    }

    private void indexKeys(String pk, String sk, Map<String, AttributeValue> item) throws SQLException {
        for (Map.Entry<String, TableShape.Index> index : shape.indexes().entrySet()) {
            AttributeValue ipk = item.get(index.getValue().partitionKey());
            AttributeValue isk = item.get(index.getValue().sortKey());
            if (ipk == null || isk == null) continue;
            try (PreparedStatement put = connection.prepareStatement(
                    "INSERT INTO index_keys (idx, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?)")) {
                put.setString(1, index.getKey());
                put.setString(2, ipk.s());
                put.setString(3, isk.s());
                put.setString(4, pk);
                put.setString(5, sk);
                put.executeUpdate();
            }
        }
    }

    private Long expiry(Map<String, AttributeValue> item) {
        AttributeValue ttl = shape.ttlAttribute() == null ? null : item.get(shape.ttlAttribute());
        if (ttl == null || ttl.type() != AttributeValue.Type.N) return null;
        try {
            return new java.math.BigDecimal(ttl.n()).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void reindex() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM index_keys");
        }
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet all = s.executeQuery("SELECT pk, sk, body FROM items")) {
            while (all.next()) rows.add(new String[] {all.getString(1), all.getString(2), all.getString(3)});
        }
        for (String[] row : rows) indexKeys(row[0], row[1], ItemJson.read(row[2]));
    }

    private void deleteExpired(long nowEpochSecond) throws SQLException {
        try (PreparedStatement keys = connection.prepareStatement("DELETE FROM index_keys WHERE EXISTS (SELECT 1 FROM items i "
                + "WHERE i.pk = index_keys.pk AND i.sk = index_keys.sk AND i.expires IS NOT NULL AND i.expires < ?)");
             PreparedStatement items = connection.prepareStatement(
                     "DELETE FROM items WHERE expires IS NOT NULL AND expires < ?")) {
            keys.setLong(1, nowEpochSecond);
            keys.executeUpdate();
            items.setLong(1, nowEpochSecond);
            items.executeUpdate();
        }
    }

    private String meta(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void setMeta(String name, String value) throws SQLException {
        try (PreparedStatement put = connection.prepareStatement("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)")) {
            put.setString(1, name);
            put.setString(2, value);
            put.executeUpdate();
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T locked(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new TableException("the local table failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one SQLite write transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(SqlWork<T> work) {
        return locked(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            boolean done = false;
            try {
                T result = work.run();
                try (Statement s = connection.createStatement()) {
                    s.execute("COMMIT");
                }
                done = true;
                return result;
            } finally {
                if (!done) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the connection rolled back by itself
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        locked(() -> {
            connection.close();
            return null;
        });
    }
}
