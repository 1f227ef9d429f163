package dev.muara.transforms.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    private static byte[] mac(byte[] key, byte[] value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(value);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void tokens_are_javax_crypto_macs_for_keys_and_values_around_the_block_and_padding_sizes() throws Exception {
        Random random = new Random(4231);
        // keys shorter than, equal to and longer than the 64-byte block (a longer key is hashed first); values
        // around the 55 bytes that fit one padded block, the block itself, several blocks
        for (int keyLength : new int[] {16, 32, 63, 64, 65, 131, 1000}) {
            byte[] key = bytes(random, keyLength);
            HmacSha256 hmac = new HmacSha256(key);
            for (int valueLength : new int[] {0, 1, 9, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000}) {
                byte[] value = bytes(random, valueLength);
                assertThat(hmac.token(value)).as("key %d bytes, value %d bytes", keyLength, valueLength)
                        .isEqualTo(mac(key, value));
            }
        }
    }

    @Test
    void rfc_4231_test_case_6_with_a_key_longer_than_the_block() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        byte[] value = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(new HmacSha256(key).token(value)))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void one_instance_gives_the_same_tokens_on_many_threads_at_once() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        HmacSha256 hmac = new HmacSha256(key);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            values.add(("SKU-" + i).getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    int mismatches = 0;
                    for (byte[] value : values) {
                        if (!java.util.Arrays.equals(hmac.token(value), mac(key, value))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                });
            }
            for (Future<Integer> result : threads.invokeAll(tasks)) {
                assertThat(result.get()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
