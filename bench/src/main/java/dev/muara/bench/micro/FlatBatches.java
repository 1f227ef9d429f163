package dev.muara.bench.micro;

import dev.muara.api.data.Batch;
import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The flat rows as Muara batches with the suite table's types, made once per run for the loading benchmarks. */
@State(Scope.Benchmark)
public class FlatBatches {

    private List<Batch> batches;

    @Setup
    public void make() throws IOException {
        batches = FlatRows.batches(FlatRows.csv());
    }

    List<Batch> batches() {
        return batches;
    }
}
