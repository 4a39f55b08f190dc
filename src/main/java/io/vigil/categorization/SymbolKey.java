package io.vigil.categorization;

import java.util.Arrays;

/** The symbols of a message as a hash key. */
final class SymbolKey {

    private final int[] symbols;
    private final int hash;

    SymbolKey(int[] symbols) {
        this.symbols = symbols;
        this.hash = Arrays.hashCode(symbols);
    }

    int[] symbols() {
        return symbols;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SymbolKey key && hash == key.hash && Arrays.equals(symbols, key.symbols);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
