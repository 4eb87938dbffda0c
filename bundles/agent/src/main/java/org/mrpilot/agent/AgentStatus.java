package org.mrpilot.agent;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.lifecycle.StartupWork;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * A snapshot of the framework: bundles not active and components not satisfied, and why (problems), and start-up work
 * still going on (pending).
 */
record AgentStatus(int bundles, int components, List<String> problems, List<String> pending) {

    boolean ready() {
        return problems.isEmpty() && pending.isEmpty();
    }

    static AgentStatus of(BundleContext context, ServiceComponentRuntime scr, List<StartupWork> startupWork) {
        List<String> pending = new ArrayList<>();
        for (StartupWork work : startupWork) {
            if (!work.done()) pending.add(work.description());
        }
        List<String> problems = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        for (Bundle b : bundles) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                problems.add("bundle " + b.getSymbolicName() + " is " + state(b.getState()));
            } else if (b.getHeaders().get("Service-Component") != null && scr.getComponentDescriptionDTOs(b).isEmpty()) {
                problems.add("bundle " + b.getSymbolicName() + " has components not yet known to SCR");
            }
        }
        int components = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(d)) continue;
            var configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                problems.add("component " + d.name + " waits for its configuration");
            }
            for (ComponentConfigurationDTO c : configurations) {
                components++;
                switch (c.state) {
                    case ComponentConfigurationDTO.ACTIVE -> { }
                    // An immediate component is satisfied only until its activation ends; a delayed one stays so.
                    case ComponentConfigurationDTO.SATISFIED -> {
                        if (d.immediate) problems.add("component " + d.name + " is being activated");
                    }
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add("component " + d.name + " failed to start: " + reason(c.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add("component " + d.name + " waits for its configuration");
                    default -> {
                        List<String> missing = new ArrayList<>();
                        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) missing.add(r.name);
                        problems.add("component " + d.name + " lacks " + missing);
                    }
                }
            }
        }
        return new AgentStatus(bundles.length, components, List.copyOf(problems), List.copyOf(pending));
    }

    /** First line of the failure's stack trace, without the exception's class name. */
    static String reason(String failure) {
        String first = failure == null ? "" : failure.lines().findFirst().orElse("");
        return first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (unresolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "in state " + state;
        };
    }
}
