package com.zebros.worker.importer;

import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Field;
import com.zebros.worker.BadJob;
import com.zebros.worker.Utf8;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header of an import file: which field each column holds. The columns are the entity's field
 * names in any order; every required field must be there, and a column that is no field stops the
 * import before any row is written (a misnamed column would otherwise drop its data silently).
 */
final class ImportColumns {
    private final List<String> names;

    private ImportColumns(List<String> names) {
        this.names = names;
    }

    static ImportColumns of(List<String> header, EntityType type) {
        List<String> allowed = type.fields().stream().map(Field::name).toList();
        List<String> required = type.fields().stream()
                .filter(Field::isRequired)
                .map(Field::name)
                .toList();
        String expected = "the first line must name the columns, from " + allowed + " (required: " + required + ")";
        if (header.stream().anyMatch(Utf8::damaged)) {
            throw new BadJob("the file is not UTF-8 text: save it as CSV UTF-8 and import it again");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String column : header) {
            String name = column.trim();
            String match = allowed.stream()
                    .filter(a -> a.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                unknown.add(name.isEmpty() ? "(an empty column name)" : name);
            } else if (!seen.add(match)) {
                throw new BadJob("the column " + match + " appears twice; " + expected);
            }
            names.add(match);
        }
        if (!unknown.isEmpty()) {
            throw new BadJob(
                    "the file has columns that are no field of a " + type.name() + ": " + unknown + "; " + expected);
        }
        List<String> missing = required.stream().filter(r -> !seen.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw new BadJob("the file has no column " + String.join(", ", missing) + "; " + expected);
        }
        return new ImportColumns(names);
    }

    int size() {
        return names.size();
    }

    String name(int index) {
        return names.get(index);
    }
}
