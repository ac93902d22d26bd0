/**
 * Metrics for generated text (BLEU, chrF, ROUGE, WER/CER, SQuAD exact match and token F1,
 * perplexity), each matching the tool practitioners use, and slices of text data by length and keyword.
 */
package dev.assay.core.text;
