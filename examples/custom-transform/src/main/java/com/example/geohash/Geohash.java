package com.example.geohash;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds a string column with the geohash of each row's position. A row whose latitude or longitude is null gets a
 * null geohash; one whose position is not on the globe goes to the dead letters. Stateless, so reader threads share
 * it safely.
 */
final class Geohash implements Transform {

    /** Geohash's base-32 digits: 0–9, then the lowercase letters without a, i, l and o. */
    private static final String BASE32 = base32();

    private final String lat;
    private final String lon;
    private final String column;
    private final int precision;

    Geohash(String lat, String lon, String column, int precision) {
        this.lat = lat;
        this.lon = lon;
        this.column = column;
        this.precision = precision;
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireNumber(input, lat);
        requireNumber(input, lon);
        if (input.indexOf(column) >= 0) {
            throw MuaraException.config("transform geohash: there is a column '" + column + "' already")
                    .withHint("name the geohash column differently with column:");
        }
        List<Field> fields = new ArrayList<>(input.fields());
        fields.add(new Field(column, DataType.STRING));
        return new Schema(fields);
    }

    private static void requireNumber(Schema input, String name) {
        int index = input.indexOf(name);
        if (index < 0) {
            throw MuaraException.config("transform geohash: there is no column '" + name + "'")
                    .withHint("the columns here are: " + String.join(", ", input.names()));
        }
        if (!input.field(index).type().isNumeric()) {
            throw MuaraException.config("transform geohash: column '" + name + "' is " + input.field(index).type()
                    + ", not a number").withHint("cast it to float64 first: {type: cast, columns: {" + name + ": float64}}");
        }
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Column lats = batch.column(lat);
        Column lons = batch.column(lon);
        Column hashes = new Column(DataType.STRING, batch.rowCount());
        boolean[] rejected = new boolean[batch.rowCount()];
        int rejectedCount = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            if (lats.isNull(row) || lons.isNull(row)) {
                hashes.appendNull();
                continue;
            }
            double latitude = ((Number) lats.getObject(row)).doubleValue();
            double longitude = ((Number) lons.getObject(row)).doubleValue();
            if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
                context.reject(batch, row, "geohash: (" + latitude + ", " + longitude + ") is not a position on the globe");
                rejected[row] = true;
                rejectedCount++;
                hashes.appendNull();
                continue;
            }
            hashes.appendObject(encode(latitude, longitude, precision));
        }
        Column[] columns = Arrays.copyOf(batch.columns(), batch.columns().length + 1);
        columns[columns.length - 1] = hashes;
        return without(new Batch(outputSchema(batch.schema()), columns, batch.rowCount()), rejected, rejectedCount);
    }

    /** The geohash: longitude and latitude intervals halved in turn, five bits to a base-32 character. */
    static String encode(double latitude, double longitude, int precision) {
        double[] latRange = {-90, 90};
        double[] lonRange = {-180, 180};
        StringBuilder hash = new StringBuilder(precision);
        boolean evenBit = true;
        int bits = 0;
        int value = 0;
        while (hash.length() < precision) {
            double[] range = evenBit ? lonRange : latRange;
            double coordinate = evenBit ? longitude : latitude;
            double middle = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= middle) {
                value |= 1;
                range[0] = middle;
            } else {
                range[1] = middle;
            }
            evenBit = !evenBit;
            if (++bits == 5) {
                hash.append(BASE32.charAt(value));
                bits = 0;
                value = 0;
            }
        }
        return hash.toString();
    }

    /** {@code batch} without the rows that went to the dead letters. */
    private static Batch without(Batch batch, boolean[] rejected, int rejectedCount) {
        if (rejectedCount == 0) {
            return batch;
        }
        Column[] kept = new Column[batch.columns().length];
        for (int c = 0; c < kept.length; c++) {
            kept[c] = new Column(batch.column(c).type(), batch.rowCount() - rejectedCount);
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!rejected[row]) {
                    kept[c].appendFrom(batch.column(c), row);
                }
            }
        }
        return new Batch(batch.schema(), kept, batch.rowCount() - rejectedCount);
    }

    private static String base32() {
        StringBuilder digits = new StringBuilder(32);
        for (char c = '0'; c <= '9'; c++) {
            digits.append(c);
        }
        for (char c = 'a'; c <= 'z'; c++) {
            if (c != 'a' && c != 'i' && c != 'l' && c != 'o') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
