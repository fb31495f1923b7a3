package org.serialtracking.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request body parameter: its text may hold line breaks and tabs (pasted lists), which
 * {@link TextGuard} otherwise refuses with every other control character.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface LineBreaksAllowed {
}
