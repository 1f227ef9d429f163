package com.example.geohash;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformConnector;
import java.util.List;

/**
 * {@code type: geohash}: adds a column with the geohash of a latitude and a longitude column. Muara finds this class
 * through {@code META-INF/services/dev.muara.api.transform.TransformConnector}.
 */
public final class GeohashConnector implements TransformConnector {

    static final OptionSpec<String> LAT = OptionSpec.string("lat", "The latitude column, in degrees.").required();
    static final OptionSpec<String> LON = OptionSpec.string("lon", "The longitude column, in degrees.").required();
    static final OptionSpec<String> COLUMN = OptionSpec.string("column", "The geohash column to add.")
            .withDefault("geohash");
    static final OptionSpec<Long> PRECISION = OptionSpec.integer("precision",
            "Characters of the geohash: 5 is about 5 km, 7 about 150 m, 9 about 5 m.").withDefault(7L).atLeast(1).atMost(12);

    @Override
    public String type() {
        return "geohash";
    }

    @Override
    public String description() {
        return "Adds the geohash of a latitude and a longitude column (an example plugin).";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return List.of(LAT, LON, COLUMN, PRECISION);
    }

    @Override
    public Transform create(Options options) {
        return new Geohash(options.get(LAT), options.get(LON), options.get(COLUMN), options.get(PRECISION).intValue());
    }
}
