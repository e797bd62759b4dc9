package io.prepline.question.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;

/** A file of the search index read back from its off-heap buffer as Lucene wrote it. */
class OffHeapInputTest {

    private static OffHeapInput written(ByteBuffersDataOutput out) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(out.size()));
        out.toBufferList().forEach(buffer::put);
        return new OffHeapInput("test", buffer.flip());
    }

    private static ByteBuffersDataOutput numbers() throws IOException {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        out.writeByte((byte) 7);
        out.writeShort((short) -12345);
        out.writeInt(0x12345678);
        out.writeLong(-0x0123456789ABCDEFL);
        out.writeVInt(300);
        out.writeVLong(1L << 40);
        out.writeString("pruning");
        out.writeBytes(new byte[] {1, 2, 3}, 3);
        return out;
    }

    @Test
    void readsInSequenceWhatWasWritten() throws IOException {
        OffHeapInput in = written(numbers());
        assertEquals(7, in.readByte());
        assertEquals(-12345, in.readShort());
        assertEquals(0x12345678, in.readInt());
        assertEquals(-0x0123456789ABCDEFL, in.readLong());
        assertEquals(300, in.readVInt());
        assertEquals(1L << 40, in.readVLong());
        assertEquals("pruning", in.readString());
        byte[] bytes = new byte[3];
        in.readBytes(bytes, 0, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, bytes);
        assertEquals(in.length(), in.getFilePointer());
        assertThrows(EOFException.class, in::readByte);
    }

    @Test
    void readsAtPositionsAndThroughSlices() throws IOException {
        OffHeapInput in = written(numbers());
        assertEquals(0x12345678, in.readInt(3));
        assertEquals(-0x0123456789ABCDEFL, in.readLong(7));
        assertEquals(-12345, in.readShort(1));
        RandomAccessInput slice = in.randomAccessSlice(3, 12);
        assertEquals(0x12345678, slice.readInt(0));
        assertEquals(-0x0123456789ABCDEFL, slice.readLong(4));
        assertThrows(EOFException.class, () -> slice.readLong(5));
        IndexInput sequential = in.slice("longs", 7, 8);
        assertEquals(-0x0123456789ABCDEFL, sequential.readLong());
        assertThrows(EOFException.class, sequential::readByte);
        assertThrows(EOFException.class, () -> in.slice("past the end", 7, in.length()));
    }

    @Test
    void clonesKeepTheirOwnPosition() throws IOException {
        OffHeapInput in = written(numbers());
        in.seek(3);
        IndexInput clone = in.clone();
        assertEquals(0x12345678, clone.readInt());
        assertEquals(3, in.getFilePointer());
        assertEquals(0x12345678, in.readInt());
        assertThrows(EOFException.class, () -> in.seek(in.length() + 1));
    }
}
