package org.mrpilot.dicom;

/** Where the plain classes of this bundle report; the DS components route it to the OSGi log. */
public interface Log {
    void info(String message);

    void warn(String message);

    /** Logs through {@link System.Logger}, for tests and the command line. */
    static Log system(String name) {
        System.Logger logger = System.getLogger(name);
        return new Log() {
            @Override
            public void info(String message) {
                logger.log(System.Logger.Level.INFO, message);
            }

            @Override
            public void warn(String message) {
                logger.log(System.Logger.Level.WARNING, message);
            }
        };
    }
}
