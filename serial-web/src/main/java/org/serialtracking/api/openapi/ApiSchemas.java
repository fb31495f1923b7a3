package org.serialtracking.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
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
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.SerialView;
import org.serialtracking.settings.boundary.SettingsView;
import org.serialtracking.site.boundary.CompanyView;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.DocumentSummary;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.LineView;

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

    /** Operations (path → record) that answer a JSON array of a record: the scanner sees only {@code List}. */
    static final Map<String, Class<?>> ARRAYS = Map.of("/api/companies", CompanyView.class,
            "/api/locations", LocationView.class, "/api/serials/{serial}/history", HistoryView.class,
            "/api/serials/lookup/history", HistoryView.class);

    /** Query parameters typed by an enum of the EJB module (path → parameter → enum), which the scanner cannot see. */
    static final Map<String, Map<String, Class<? extends Enum<?>>>> ENUM_PARAMETERS = Map.of(
            "/api/serials", Map.of("status", SerialStatus.class),
            "/api/serials/export", Map.of("status", SerialStatus.class),
            "/api/transactions", Map.of("type", DocumentType.class));

    /**
     * What a client must send, or can count on being there: beyond primitives (always there), the fields
     * without which a command is refused, and those every view carries.
     */
    static final Map<Class<?>, List<String>> REQUIRED = Map.of(
            DocumentCommand.class, List.of("type", "lines"),
            LineCommand.class, List.of("sku", "location", "quantity"),
            DocumentView.class, List.of("type", "number", "postedAt", "postedBy", "lines"),
            LineView.class, List.of("sku", "location", "quantity", "serials"),
            SerialView.class, List.of("serial", "sku", "status"),
            HistoryView.class, List.of("type", "transactionNumber", "at"),
            ItemView.class, List.of("sku", "name", "serialStatus"),
            CompanyView.class, List.of("code", "name"),
            LocationView.class, List.of("code", "name", "company"),
            Problem.class, List.of("title", "status", "code"));

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
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach(ApiSchemas::precise);
        }
        // a document a client posts is never the internal SERIAL_INIT (serial initialisation makes those)
        Schema command = components.getSchemas().get(DocumentCommand.class.getSimpleName());
        Schema type = command.getProperties().get("type");
        type.setEnumeration(type.getEnumeration().stream().filter(v -> !"SERIAL_INIT".equals(v)).toList());
    }

    /** Typed arrays, enum parameters and binary uploads where the scanner left {@code {}} or {@code object}. */
    private static void precise(String path, PathItem item) {
        Class<?> element = ARRAYS.get(path);
        if (element != null && item.getGET() != null) {
            item.getGET().getResponses().getAPIResponses().values().stream()
                    .filter(r -> r.getContent() != null && r.getContent().getMediaType("application/json") != null)
                    .map(r -> r.getContent().getMediaType("application/json").getSchema())
                    .filter(s -> s != null && s.getType() == Schema.SchemaType.ARRAY)
                    .forEach(s -> s.setItems(ref(element)));
        }
        Map<String, Class<? extends Enum<?>>> enums = ENUM_PARAMETERS.getOrDefault(path, Map.of());
        for (Operation operation : item.getOperations().values()) {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    Class<? extends Enum<?>> e = enums.get(parameter.getName());
                    if (e != null) {
                        parameter.setSchema(enumSchema(e));
                    }
                }
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                MediaType multipart = operation.getRequestBody().getContent().getMediaType("multipart/form-data");
                if (multipart != null && multipart.getSchema() != null && multipart.getSchema().getProperties() != null) {
                    // every part of our uploads is a file (the model's map is read-only: set a new one)
                    Map<String, Schema> files = new java.util.LinkedHashMap<>();
                    multipart.getSchema().getProperties().keySet().forEach(name -> files.put(name,
                            OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")));
                    multipart.getSchema().setProperties(files);
                    multipart.getSchema().setRequired(List.copyOf(files.keySet()));
                }
            }
        }
    }

    private static Schema enumSchema(Class<?> e) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING)
                .enumeration(Arrays.stream(e.getEnumConstants()).map(v -> (Object) ((Enum<?>) v).name()).toList());
    }

    private static void add(Components components, Class<?> record) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(record.getSimpleName())) {
            return;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        components.addSchema(record.getSimpleName(), schema);
        List<String> required = new java.util.ArrayList<>(REQUIRED.getOrDefault(record, List.of()));
        for (RecordComponent c : record.getRecordComponents()) {
            schema.addProperty(c.getName(), schemaOf(components, c.getGenericType()));
            if (c.getType().isPrimitive() && !required.contains(c.getName())) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
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
            return enumSchema(c);
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
