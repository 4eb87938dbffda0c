package org.mrpilot.dicom;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the A-ASSOCIATE-RQ before PixelMed does, so that a sender whose calling AE title is not accepted gets a
 * proper A-ASSOCIATE-RJ ("calling AE title not recognized") instead of an abort after acceptance. An accepted
 * request is handed on through a socket that replays the bytes already read.
 */
final class CallingAeGate {
    private static final int ASSOCIATE_RQ = 0x01;
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    /** A-ASSOCIATE-RJ: type 3, length 4, result 1 (rejected permanent), source 1 (service user), reason 3 (calling AE title not recognized). */
    private static final byte[] REJECT_CALLING_AE = {0x03, 0x00, 0, 0, 0, 4, 0x00, 0x01, 0x01, 0x03};

    /** The outcome: the socket to hand to PixelMed, or null when the caller must {@link #reject} the request. */
    record Admission(Socket socket, String callingAeTitle) {
    }

    private CallingAeGate() {
    }

    static Admission admit(Socket socket, Set<String> accepted) throws IOException {
        socket.setSoTimeout(REQUEST_TIMEOUT_MS);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[6];
        in.readFully(header);
        long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xffL) << 16) | ((header[4] & 0xffL) << 8) | (header[5] & 0xffL);
        if ((header[0] & 0xff) != ASSOCIATE_RQ || length < 68 || length > MAX_REQUEST_BYTES) {
            socket.close();
            throw new IOException("not an A-ASSOCIATE-RQ (PDU type " + (header[0] & 0xff) + ", length " + length + ")");
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        socket.setSoTimeout(0);
        String calling = new String(body, 20, 16, StandardCharsets.US_ASCII).trim();
        if (!accepted.isEmpty() && !accepted.contains(calling)) return new Admission(null, calling);
        byte[] consumed = new byte[header.length + body.length];
        System.arraycopy(header, 0, consumed, 0, header.length);
        System.arraycopy(body, 0, consumed, header.length, body.length);
        return new Admission(new ReplaySocket(socket, consumed), calling);
    }

    /** Answers the request read by {@link #admit} with A-ASSOCIATE-RJ (calling AE title not recognized) and closes. */
    static void reject(Socket socket) throws IOException {
        try (OutputStream out = socket.getOutputStream()) {
            out.write(REJECT_CALLING_AE);
            out.flush();
        } finally {
            socket.close();
        }
    }

    /** A connected socket whose input starts with bytes already read from it; everything else is the real socket. */
    private static final class ReplaySocket extends Socket {
        private final Socket real;
        private final InputStream in;

        ReplaySocket(Socket real, byte[] consumed) throws IOException {
            this.real = real;
            this.in = new SequenceInputStream(new ByteArrayInputStream(consumed), real.getInputStream());
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return real.getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            real.close();
        }

        @Override
        public boolean isClosed() {
            return real.isClosed();
        }

        @Override
        public boolean isConnected() {
            return real.isConnected();
        }

        @Override
        public void shutdownOutput() throws IOException {
            real.shutdownOutput();
        }

        @Override
        public void shutdownInput() throws IOException {
            real.shutdownInput();
        }

        @Override
        public InetAddress getInetAddress() {
            return real.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return real.getLocalAddress();
        }

        @Override
        public int getPort() {
            return real.getPort();
        }

        @Override
        public int getLocalPort() {
            return real.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return real.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return real.getLocalSocketAddress();
        }

        @Override
        public synchronized int getReceiveBufferSize() throws SocketException {
            return real.getReceiveBufferSize();
        }

        @Override
        public synchronized void setReceiveBufferSize(int size) throws SocketException {
            real.setReceiveBufferSize(size);
        }

        @Override
        public synchronized int getSendBufferSize() throws SocketException {
            return real.getSendBufferSize();
        }

        @Override
        public synchronized void setSendBufferSize(int size) throws SocketException {
            real.setSendBufferSize(size);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return real.getSoLinger();
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return real.getSoTimeout();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            real.setSoTimeout(timeout);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return real.getTcpNoDelay();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            real.setTcpNoDelay(on);
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }
}
