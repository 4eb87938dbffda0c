package org.mrpilot.dicom;

import org.osgi.service.log.Logger;

/** Routes the plain classes' {@link Log} to the OSGi log. */
final class OsgiLog implements Log {
    private final Logger logger;

    OsgiLog(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void info(String message) {
        logger.info(message);
    }

    @Override
    public void warn(String message) {
        logger.warn(message);
    }
}
