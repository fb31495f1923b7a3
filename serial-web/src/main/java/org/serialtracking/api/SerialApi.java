package org.serialtracking.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API root: {@code /serial/api}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Serial Tracking API", version = "1.0",
                description = "Serial-tracked inventory: items, documents that move serial-tracked units, serials and "
                        + "their history. Errors are RFC 9457 problem details with a stable `code` and, where "
                        + "serials are at fault, a `serials` array."),
        security = @SecurityRequirement(name = "basic"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "basic",
                type = SecuritySchemeType.HTTP, scheme = "basic")))
public class SerialApi extends Application {
}
