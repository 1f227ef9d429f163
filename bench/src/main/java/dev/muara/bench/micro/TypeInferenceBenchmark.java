package dev.muara.bench.micro;

import dev.muara.formats.text.TypeInference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/** Type inference over the flat rows' text values, every column, as Muara samples a CSV file before reading it. */
public class TypeInferenceBenchmark extends RowsPerSecond {

    private String[][] values;

    @Setup
    public void setUp() {
        values = FlatRows.values(FlatRows.csv());
    }

    @Benchmark
    public void muara(Blackhole blackhole) {
        for (String[] column : values) {
            TypeInference inference = new TypeInference();
            for (String value : column) {
                if (value != null) {
                    inference.observe(value);
                }
            }
            blackhole.consume(inference.result());
        }
    }
}
