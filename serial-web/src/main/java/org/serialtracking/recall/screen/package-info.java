/** Quality → Recalls: create a recall, see the units it reaches, export, close. */
package org.serialtracking.recall.screen;
