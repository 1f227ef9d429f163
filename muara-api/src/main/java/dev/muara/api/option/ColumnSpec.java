package dev.muara.api.option;

import dev.muara.api.data.DataType;

/**
 * A column type given in configuration, which overrides inference.
 *
 * @param type the type
 * @param format how text values are written, for dates, times and timestamps (a {@link
 *     java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy}) and booleans ({@code yes/no}); null
 *     to accept the common forms
 */
public record ColumnSpec(DataType type, String format) {
}
