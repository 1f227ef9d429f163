package dev.muara.connector.jdbc;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;
import org.postgresql.util.ByteStreamWriter;

/**
 * The microbenchmarks' way into {@link PgCopyLoader}, which is package-private: it lives in the loader's package
 * but in the bench module, so Muara's own code has no seam for it. The loader writes to a COPY that only counts
 * the bytes it is handed, so the binary encoding is measured without a server.
 */
public final class CopyBinaryProbe {

    private final TableShape shape;
    private final CountingCopyIn copy = new CountingCopyIn();
    private final BaseConnection connection;

    /**
     * @param names the table's columns
     * @param types their PostgreSQL type names ({@code int8}, {@code numeric}, {@code timestamptz}, ...), which pick
     *     the encoding
     * @param muaraTypes the Muara type of each column's values
     */
    public CopyBinaryProbe(List<String> names, List<String> types, List<DataType> muaraTypes) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ColumnInfo(names.get(i), Types.OTHER, types.get(i), 0, 0, muaraTypes.get(i), null));
        }
        this.shape = new TableShape("\"bench\"", columns, List.of(), false, false);
        this.connection = connection(copy);
    }

    /**
     * Encodes {@code batches}, whose columns are in table order and of the table's types, as one COPY.
     *
     * @return the bytes of the COPY stream
     */
    public long encode(List<Batch> batches) throws SQLException {
        copy.bytes = 0;
        PgCopyLoader loader = new PgCopyLoader(connection, shape);
        long sequence = 0;
        for (Batch batch : batches) {
            loader.load(batch.columns(), batch.rowCount(), sequence);
            sequence += batch.rowCount();
        }
        loader.finish();
        return copy.bytes;
    }

    /**
     * A connection that can do one thing: start a COPY into {@code copy}. The driver's CopyManager asks the
     * connection for its query executor, which asks nothing else.
     */
    private static BaseConnection connection(CopyIn copy) {
        QueryExecutor executor = proxy(QueryExecutor.class, (self, method, args) -> switch (method.getName()) {
            case "startCopy" -> copy;
            default -> unsupported(method.getName());
        });
        BaseConnection[] connection = new BaseConnection[1];
        connection[0] = proxy(BaseConnection.class, (self, method, args) -> switch (method.getName()) {
            case "unwrap" -> self;
            case "getCopyAPI" -> new CopyManager(connection[0]);
            case "getQueryExecutor" -> executor;
            case "getEncoding" -> null;
            case "getAutoCommit" -> false;
            default -> unsupported(method.getName());
        });
        return connection[0];
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CopyBinaryProbe.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method + " is not part of the COPY encoding probe");
    }

    /** A COPY IN that keeps nothing but the number of bytes written to it. */
    private static final class CountingCopyIn implements CopyIn {

        long bytes;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            bytes += siz;
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            bytes += from.getLength();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            return bytes;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public void cancelCopy() {
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }
}
