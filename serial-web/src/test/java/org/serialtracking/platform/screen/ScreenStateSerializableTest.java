package org.serialtracking.platform.screen;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen's state travels with its session: with SERIAL_SESSION_STORE=database the session is
 * written to the database after every request and read back by another server when the clerk's is
 * lost. Liberty writes nothing of a session that holds anything not Serializable (SESN0040E), so the
 * clerk would lose the screen. This walks every field of every view- or session-scoped bean of the
 * screens, and of the types they hold, and names those that could not travel.
 */
class ScreenStateSerializableTest {

    private static final Set<String> SCOPES = Set.of("jakarta.faces.view.ViewScoped",
            "jakarta.enterprise.context.SessionScoped", "jakarta.enterprise.context.ConversationScoped");
    /** Injected as a proxy that serializes itself: EJBs and normal-scoped CDI beans. */
    private static final Set<String> PROXIED = Set.of("jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
            "jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.SessionScoped", "jakarta.faces.view.ViewScoped");

    private final Set<Class<?>> walked = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void everythingAScreenKeepsInItsSessionCanTravelToAnotherServer() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (annotated(c, SCOPES)) {
                    beans.add(c);
                }
            }
        }
        assertThat(beans).as("the screens' view-scoped beans").hasSizeGreaterThan(10);
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            walk(bean, bean.getSimpleName());
        }
        assertThat(problems).as("fields a session could not carry").isEmpty();
    }

    private static boolean annotated(Class<?> c, Set<String> names) {
        for (Annotation a : c.getAnnotations()) {
            if (names.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private void walk(Class<?> c, String path) {
        if (!walked.add(c)) {
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                boolean injected = f.isAnnotationPresent(jakarta.inject.Inject.class)
                        || f.isAnnotationPresent(jakarta.ejb.EJB.class);
                if (injected && (annotated(f.getType(), PROXIED) || f.getType().getName().startsWith("jakarta."))) {
                    continue;
                }
                check(f.getGenericType(), path + "." + f.getName());
            }
        }
    }

    private void check(Type t, String where) {
        if (t instanceof ParameterizedType p) {
            check(p.getRawType(), where);
            for (Type arg : p.getActualTypeArguments()) {
                check(arg, where + "<" + arg.getTypeName() + ">");
            }
            return;
        }
        if (t instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                check(upper, where);
            }
            return;
        }
        if (t instanceof TypeVariable<?> || t instanceof GenericArrayType) {
            return;
        }
        Class<?> c = (Class<?>) t;
        if (c.isArray()) {
            check(c.getComponentType(), where);
            return;
        }
        if (c.isPrimitive() || c.isEnum() || c == Object.class) {
            return;
        }
        if (!c.isInterface() && !Serializable.class.isAssignableFrom(c)) {
            problems.add(where + ": " + c.getName() + " is not Serializable");
        }
        if (c.getName().startsWith("org.serialtracking.")) {
            walk(c, where);
        }
    }
}
