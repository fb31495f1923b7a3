/** Items (SKUs) and whether, and how far, they track serial numbers. */
package org.serialtracking.item.entity;
