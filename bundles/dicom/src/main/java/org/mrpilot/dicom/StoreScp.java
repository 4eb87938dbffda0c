package org.mrpilot.dicom;

import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import com.pixelmed.network.MessageServiceElementCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The C-STORE SCP: accepts associations, stores each instance durably through {@link InstanceStore} and answers
 * with success only once it is on disk; a refused instance gets a failure status and a log line naming the reason,
 * and the association carries on with the next one.
 */
public final class StoreScp implements AutoCloseable {
    private static final int SUCCESS = 0x0000;
    /** Larger PDUs than PixelMed's 16 KiB default: fewer round trips through its PDU handling per image. */
    private static final int MAX_PDU_BYTES = 128 * 1024;
    private static final int SOCKET_BUFFER_BYTES = 256 * 1024;

    private final ScpSettings settings;
    private final InstanceStore store;
    private final Consumer<InstanceStore.Stored> onStored;
    private final Log log;
    private final StorePolicy policy;
    private final ServerSocket server;
    private final ExecutorService associations;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Association> active = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    public StoreScp(ScpSettings settings, InstanceStore store, Consumer<InstanceStore.Stored> onStored, Log log) throws IOException {
        this.settings = settings;
        this.store = store;
        this.onStored = onStored;
        this.log = log;
        this.policy = new StorePolicy(log);
        this.server = new ServerSocket(settings.port(), 50, settings.bindAddress());
        this.associations = Executors.newFixedThreadPool(settings.maxAssociations(), r -> {
            Thread t = new Thread(r, "dicom-association");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "dicom-scp-" + settings.aeTitle());
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("DICOM receiver " + settings.aeTitle() + " listening on " + server.getInetAddress().getHostAddress() + ":" + port());
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                associations.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) log.warn("DICOM receiver: accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket socket) {
        Association association = null;
        try {
            CallingAeGate.Admission admission = CallingAeGate.admit(socket, settings.acceptedCallingAeTitles());
            if (admission.socket() == null) {
                log.warn("association from " + admission.callingAeTitle() + " at " + socket.getInetAddress().getHostAddress()
                        + " rejected: calling AE title not accepted");
                CallingAeGate.reject(socket);
                return;
            }
            association = AssociationFactory.createNewAssociation(admission.socket(), settings.aeTitle(), MAX_PDU_BYTES, SOCKET_BUFFER_BYTES, 0, policy);
            active.add(association);
            while (true) serveOneRequest(association, admission.callingAeTitle());
        } catch (AReleaseException released) {
            // The sender released the association normally.
        } catch (Exception e) {
            if (!socket.isClosed()) log.warn("association " + (association == null ? "request" : "from " + association.getCallingAETitle().trim()) + " ended: " + e);
        } finally {
            if (association != null) active.remove(association);
            open.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed by the peer.
            }
        }
    }

    private void serveOneRequest(Association association, String calling) throws Exception {
        CommandHandler handler = new CommandHandler(store);
        association.setReceivedDataHandler(handler);
        try {
            association.waitForPDataPDUsUntilHandlerReportsDone();
        } catch (Exception e) {
            handler.discard();
            throw e;
        }
        if (handler.commandField() == MessageServiceElementCommand.C_ECHO_RQ) {
            association.send(handler.presentationContextId(),
                    new CEchoResponseCommandMessage(handler.affectedSopClass(), handler.messageId(), SUCCESS).getBytes(), null);
            return;
        }
        int status = store(handler, calling);
        association.send(handler.presentationContextId(), new CStoreResponseCommandMessage(handler.affectedSopClass(),
                handler.affectedSopInstance(), handler.messageId(), status).getBytes(), null);
    }

    private int store(CommandHandler handler, String calling) {
        String uid = handler.affectedSopInstance();
        try {
            if (handler.tooLarge()) {
                handler.discard();
                throw store.tooLarge(handler.bytesReceived());
            }
            InstanceStore.Stored stored = store.accept(handler.file(), calling);
            if (!stored.instance().sopInstanceUid().equals(uid)) {
                log.warn("instance " + uid + " from " + calling + ": data set carries SOP instance UID " + stored.instance().sopInstanceUid());
            }
            onStored.accept(stored);
            return SUCCESS;
        } catch (Rejection r) {
            log.warn(String.format("instance %s from %s refused (status 0x%04X): %s", uid, calling, r.status(), r.getMessage()));
            return r.status();
        } catch (IOException | RuntimeException e) {
            log.warn(String.format("instance %s from %s not stored (status 0x%04X): %s", uid, calling, Rejection.OUT_OF_RESOURCES, e));
            return Rejection.OUT_OF_RESOURCES;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing is all we wanted.
        }
        // After a release PixelMed lingers up to 5 s (ARTIM) in a wait on the association before closing the
        // transport; waking it ends that wait cleanly instead of interrupting it.
        for (Association a : active) {
            synchronized (a) {
                a.notifyAll();
            }
        }
        associations.shutdown();
        try {
            acceptor.join(5000);
            if (!associations.awaitTermination(2, TimeUnit.SECONDS)) {
                // Associations still transferring: cut them off.
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // Closing is all we wanted.
                    }
                }
                associations.shutdownNow();
                associations.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("DICOM receiver " + settings.aeTitle() + " stopped");
    }
}
