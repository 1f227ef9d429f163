package dev.muara.formats.io;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** The compressions Muara reads, recognised by file extension. */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZSTD(".zst");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** The compression a file name says it has: {@code .gz}, {@code .gzip}, {@code .zst}, {@code .zstd}. */
    public static Compression of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".gzip")) {
            return GZIP;
        }
        if (name.endsWith(".zst") || name.endsWith(".zstd")) {
            return ZSTD;
        }
        return NONE;
    }

    /** {@code fileName} without its compression extension: {@code orders.csv.gz} gives {@code orders.csv}. */
    public static String strip(String fileName) {
        Compression c = of(fileName);
        if (c == NONE) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot);
    }

    /** The decompressed view of {@code in}. */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    /** The word used in configuration. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }
}
