/**
 * The service provider interface of vendor adapters: how the agent pushes a planned geometry and a checked
 * sequence table to a scanner, and how it learns the adapter's state.
 */
@Export
@Version("0.1.0")
package org.mrpilot.api.adapter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
