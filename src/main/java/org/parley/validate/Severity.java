package org.parley.validate;

/** How bad a problem is: errors fail validation and stop a load, warnings are only reported. */
public enum Severity {
    ERROR,
    WARNING
}
