package dev.muara.core.connector;

import dev.muara.api.Connector;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.transform.TransformConnector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The connectors installed on the class path (and the plugin path), found with {@link ServiceLoader} and indexed
 * by {@code type}. Two connectors of the same kind claiming one type is an error, not a silent choice.
 */
public final class ConnectorRegistry {

    private final Map<String, SourceConnector> sources;
    private final Map<String, SinkConnector> sinks;
    private final Map<String, TransformConnector> transforms;

    public ConnectorRegistry(List<SourceConnector> sources, List<SinkConnector> sinks,
            List<TransformConnector> transforms) {
        this.sources = index(sources, "source");
        this.sinks = index(sinks, "target");
        this.transforms = index(transforms, "transform");
    }

    /** The connectors visible to {@code loader}. */
    public static ConnectorRegistry discover(ClassLoader loader) {
        return new ConnectorRegistry(load(SourceConnector.class, loader), load(SinkConnector.class, loader),
                load(TransformConnector.class, loader));
    }

    private static <T> List<T> load(Class<T> kind, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(kind, loader).forEach(found::add);
        return found;
    }

    private static <T extends Connector> Map<String, T> index(List<T> connectors, String kind) {
        Map<String, T> byType = new TreeMap<>();
        for (T connector : connectors) {
            T previous = byType.put(connector.type(), connector);
            if (previous != null && previous.getClass() != connector.getClass()) {
                throw MuaraException.config("two " + kind + " connectors claim the type '" + connector.type() + "': "
                        + previous.getClass().getName() + " and " + connector.getClass().getName())
                        .withHint("remove one of the two jars from the class path or plugin folder");
            }
        }
        return byType;
    }

    public SourceConnector source(String type) {
        return sources.get(type);
    }

    public SinkConnector sink(String type) {
        return sinks.get(type);
    }

    public TransformConnector transform(String type) {
        return transforms.get(type);
    }

    public List<SourceConnector> sources() {
        return sorted(sources);
    }

    public List<SinkConnector> sinks() {
        return sorted(sinks);
    }

    public List<TransformConnector> transforms() {
        return sorted(transforms);
    }

    private static <T extends Connector> List<T> sorted(Map<String, T> byType) {
        List<T> list = new ArrayList<>(byType.values());
        list.sort(Comparator.comparing(Connector::type));
        return list;
    }
}
