package dev.accountflow.dataloader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Read past the largest file an import takes: the upload stops here instead of running on. */
final class FileTooLarge extends IOException {

    FileTooLarge(long limit) {
        super("larger than " + limit + " bytes");
    }

    /** The stream, failing once more than limit bytes have been read from it. */
    static InputStream limited(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++read > limit) {
                    throw new FileTooLarge(limit);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && (read += n) > limit) {
                    throw new FileTooLarge(limit);
                }
                return n;
            }
        };
    }
}
