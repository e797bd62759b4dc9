package io.prepline.question.search;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * A file of the search index as it is read: one buffer outside the heap, read at absolute positions, a short, int or
 * long at once. Lucene's own {@code ByteBuffersDataInput} reads a number from a single buffer byte by byte (its check
 * for a value crossing into the next buffer always fails when there is no next one), and every value a query reads
 * from the index (sort keys, the summaries of a page, postings) is such a number or starts with one.
 * <p>
 * Clones and slices share the buffer and keep their own position, as Lucene's readers expect; reading past the end is
 * an {@link EOFException}.
 */
final class OffHeapInput extends IndexInput implements RandomAccessInput {

    private final ByteBuffer buffer;
    private int position;

    /** {@code buffer}: the file's bytes from 0 to its limit (in little-endian order, as Lucene writes them). */
    OffHeapInput(String description, ByteBuffer buffer) {
        super(description);
        this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public byte readByte() throws EOFException {
        byte value = readByte(position);
        position++;
        return value;
    }

    @Override
    public void readBytes(byte[] bytes, int offset, int length) throws EOFException {
        readBytes((long) position, bytes, offset, length);
        position += length;
    }

    @Override
    public short readShort() throws EOFException {
        short value = readShort(position);
        position += Short.BYTES;
        return value;
    }

    @Override
    public int readInt() throws EOFException {
        int value = readInt(position);
        position += Integer.BYTES;
        return value;
    }

    @Override
    public long readLong() throws EOFException {
        long value = readLong(position);
        position += Long.BYTES;
        return value;
    }

    @Override
    public byte readByte(long at) throws EOFException {
        try {
            return buffer.get(Math.toIntExact(at));
        } catch (IndexOutOfBoundsException e) {
            throw pastEnd(at);
        }
    }

    @Override
    public void readBytes(long at, byte[] bytes, int offset, int length) throws EOFException {
        try {
            buffer.get(Math.toIntExact(at), bytes, offset, length);
        } catch (IndexOutOfBoundsException e) {
            throw pastEnd(at + length);
        }
    }

    @Override
    public short readShort(long at) throws EOFException {
        try {
            return buffer.getShort(Math.toIntExact(at));
        } catch (IndexOutOfBoundsException e) {
            throw pastEnd(at + Short.BYTES);
        }
    }

    @Override
    public int readInt(long at) throws EOFException {
        try {
            return buffer.getInt(Math.toIntExact(at));
        } catch (IndexOutOfBoundsException e) {
            throw pastEnd(at + Integer.BYTES);
        }
    }

    @Override
    public long readLong(long at) throws EOFException {
        try {
            return buffer.getLong(Math.toIntExact(at));
        } catch (IndexOutOfBoundsException e) {
            throw pastEnd(at + Long.BYTES);
        }
    }

    @Override
    public long getFilePointer() {
        return position;
    }

    @Override
    public void seek(long at) throws EOFException {
        if (at < 0 || at > length()) {
            throw pastEnd(at);
        }
        position = (int) at;
    }

    @Override
    public long length() {
        return buffer.limit();
    }

    @Override
    public IndexInput slice(String description, long offset, long length) throws EOFException {
        if (offset < 0 || length < 0 || offset + length > length()) {
            throw new EOFException("slice [" + offset + ", " + (offset + length) + ") past the end of " + this);
        }
        return new OffHeapInput(getFullSliceDescription(description),
                buffer.slice(Math.toIntExact(offset), Math.toIntExact(length)));
    }

    @Override
    public OffHeapInput clone() {
        return (OffHeapInput) super.clone();
    }

    @Override
    public void close() {
        // the buffer is freed with the last reader that holds it
    }

    private EOFException pastEnd(long at) {
        return new EOFException("read past the end of " + this + " (length " + length() + ", position " + at + ")");
    }
}
