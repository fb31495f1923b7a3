package org.serialtracking.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.serialtracking.api.Problem;
import org.serialtracking.audit.AuditEvent;
import org.serialtracking.entry.boundary.QuickEntryText;
import org.serialtracking.entry.boundary.RangeList;
import org.serialtracking.entry.boundary.SerialList;
import org.serialtracking.entry.control.ImportResult;
import org.serialtracking.entry.control.QuickEntryResult;
import org.serialtracking.entry.control.RangeRequest;
import org.serialtracking.format.boundary.FormatCheck;
import org.serialtracking.format.boundary.FormatReport;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.label.LabelRequest;
import org.serialtracking.party.PartyView;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallUnit;
import org.serialtracking.recall.RecallView;
import org.serialtracking.trace.Trace;
import org.serialtracking.item.boundary.SerialInitialization;
import org.serialtracking.serial.boundary.AutoSelect;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.SerialView;
import org.serialtracking.settings.boundary.SettingsView;
import org.serialtracking.site.boundary.CompanyView;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.DocumentSummary;
import org.serialtracking.transaction.DocumentView;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Adds the schemas of the API's JSON shapes to the OpenAPI document. The shapes are records of the
 * EJB module, which Liberty's OpenAPI scanner does not index (it scans the web module only), so they
 * are described here from the records themselves: the document can never drift from the code.
 * Operations refer to them by name ({@code @Schema(ref = "DocumentView")}).
 */
public class ApiSchemas implements OASFilter {

    /** Every record the API reads or writes; nested records are added as they are met. */
    static final List<Class<?>> RECORDS = List.of(SettingsView.class, CompanyView.class, LocationView.class,
            ItemCommand.class, ItemView.class, SerialInitialization.class, DocumentCommand.class, DocumentView.class,
            DocumentSummary.class, SerialView.class, HistoryView.class, FormatCheck.class, FormatReport.class,
            AutoSelect.class, ImportResult.class, RangeRequest.class, SerialList.class, RangeList.class,
            QuickEntryText.class, QuickEntryResult.class, AuditEvent.class, PartyView.class, Trace.class,
            RecallCommand.class, RecallView.class, RecallUnit.class, LabelRequest.class, Problem.class);

    /** Keyset pages, by the name the operations use and the record they hold. */
    static final List<Object[]> PAGES = List.of(new Object[]{"ItemPage", ItemView.class},
            new Object[]{"SerialPage", SerialView.class}, new Object[]{"DocumentPage", DocumentSummary.class},
            new Object[]{"PartyPage", PartyView.class}, new Object[]{"RecallPage", RecallView.class},
            new Object[]{"RecallUnitPage", RecallUnit.class});

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        for (Class<?> record : RECORDS) {
            add(components, record);
        }
        for (Object[] page : PAGES) {
            components.addSchema((String) page[0], OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .description("One page of a keyset-paged list; pass `next` back as `after` (null: last page)")
                    .addProperty("items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                            .items(ref((Class<?>) page[1])))
                    .addProperty("next", OASFactory.createSchema().type(Schema.SchemaType.STRING)));
            add(components, (Class<?>) page[1]);
        }
    }

    private static void add(Components components, Class<?> record) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(record.getSimpleName())) {
            return;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        components.addSchema(record.getSimpleName(), schema);
        for (RecordComponent c : record.getRecordComponents()) {
            schema.addProperty(c.getName(), schemaOf(components, c.getGenericType()));
        }
    }

    private static Schema schemaOf(Components components, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(schemaOf(components, p.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Map.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .additionalPropertiesSchema(schemaOf(components, p.getActualTypeArguments()[1]));
        }
        Class<?> c = type instanceof Class<?> k ? k : Object.class;
        if (c == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (c == int.class || c == Integer.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        }
        if (c == long.class || c == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        }
        if (c == BigDecimal.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (c == LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (c == OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c.isEnum()) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(c.getEnumConstants()).map(e -> (Object) ((Enum<?>) e).name()).toList());
        }
        if (c.isRecord()) {
            add(components, c);
            return ref(c);
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    private static Schema ref(Class<?> record) {
        return OASFactory.createSchema().ref(record.getSimpleName());
    }
}
