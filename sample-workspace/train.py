"""Tiny training and generation script for the ML Interview Prep sample workspace.

It is meant to be read, not run: select a term (LayerNorm, LoraConfig, past_key_values,
top_p, CalibratedClassifierCV, ...) and use "ML Prep: Look Up Selection" to study it.

Requires: torch, transformers, peft, scikit-learn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from peft import LoraConfig, get_peft_model
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from transformers import AutoModelForCausalLM, AutoTokenizer


@dataclass
class BlockConfig:
    d_model: int = 128
    n_heads: int = 4
    d_ff: int = 512
    dropout: float = 0.1
    max_len: int = 256


class CausalSelfAttention(nn.Module):
    """Multi-head self-attention with a causal mask and an optional KV cache."""

    def __init__(self, cfg: BlockConfig) -> None:
        super().__init__()
        assert cfg.d_model % cfg.n_heads == 0
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.d_model // cfg.n_heads
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(
        self,
        x: torch.Tensor,
        past_kv: tuple[torch.Tensor, torch.Tensor] | None = None,
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=-1)
        # (b, t, c) -> (b, heads, t, head_dim)
        q, k, v = (z.view(b, t, self.n_heads, self.head_dim).transpose(1, 2) for z in (q, k, v))
        if past_kv is not None:
            # KV cache: keys and values of earlier positions are reused, not recomputed.
            k = torch.cat([past_kv[0], k], dim=2)
            v = torch.cat([past_kv[1], v], dim=2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)
        t_total = k.size(2)
        # Query i (absolute position t_total - t + i) may attend to keys 0..its own position.
        mask = torch.ones(t, t_total, dtype=torch.bool, device=x.device).tril(diagonal=t_total - t)
        scores = scores.masked_fill(~mask, float("-inf"))
        attn = self.dropout(F.softmax(scores, dim=-1))
        out = (attn @ v).transpose(1, 2).contiguous().view(b, t, c)
        return self.proj(out), (k, v)


class TransformerBlock(nn.Module):
    """Pre-norm Transformer block: x + Attn(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, cfg: BlockConfig) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = CausalSelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.mlp = nn.Sequential(
            nn.Linear(cfg.d_model, cfg.d_ff),
            nn.GELU(),
            nn.Linear(cfg.d_ff, cfg.d_model),
            nn.Dropout(cfg.dropout),
        )

    def forward(self, x, past_kv=None):
        a, present = self.attn(self.ln1(x), past_kv)
        x = x + a
        x = x + self.mlp(self.ln2(x))
        return x, present


class TinyLM(nn.Module):
    def __init__(self, vocab_size: int, cfg: BlockConfig, n_layers: int = 2) -> None:
        super().__init__()
        self.tok = nn.Embedding(vocab_size, cfg.d_model)
        self.pos = nn.Embedding(cfg.max_len, cfg.d_model)
        self.blocks = nn.ModuleList(TransformerBlock(cfg) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(cfg.d_model)
        self.head = nn.Linear(cfg.d_model, vocab_size, bias=False)
        self.head.weight = self.tok.weight  # weight tying

    def forward(self, idx, past_key_values=None):
        start = 0 if past_key_values is None else past_key_values[0][0].size(2)
        pos = torch.arange(start, start + idx.size(1), device=idx.device)
        x = self.tok(idx) + self.pos(pos)
        presents = []
        for i, block in enumerate(self.blocks):
            x, present = block(x, None if past_key_values is None else past_key_values[i])
            presents.append(present)
        return self.head(self.ln_f(x)), presents


def top_p_sample(logits: torch.Tensor, top_p: float = 0.9, temperature: float = 0.8) -> torch.Tensor:
    """Nucleus sampling: sample from the smallest set of tokens whose probability mass >= top_p."""
    probs = F.softmax(logits / temperature, dim=-1)
    sorted_probs, sorted_idx = probs.sort(dim=-1, descending=True)
    cumulative = sorted_probs.cumsum(dim=-1)
    # Drop a token when the mass before it already reaches top_p (always keeps the first).
    sorted_probs[(cumulative - sorted_probs) >= top_p] = 0.0
    sorted_probs /= sorted_probs.sum(dim=-1, keepdim=True)
    choice = torch.multinomial(sorted_probs, num_samples=1)
    return sorted_idx.gather(-1, choice)


@torch.no_grad()
def generate(model: TinyLM, idx: torch.Tensor, max_new_tokens: int = 32, top_p: float = 0.9) -> torch.Tensor:
    """Autoregressive decoding with a KV cache: after the prompt, feed one token per step."""
    model.eval()
    logits, past = model(idx)
    for _ in range(max_new_tokens):
        next_tok = top_p_sample(logits[:, -1, :], top_p=top_p)
        idx = torch.cat([idx, next_tok], dim=1)
        logits, past = model(next_tok, past_key_values=past)
    return idx


def train_tiny_lm(steps: int = 200, vocab_size: int = 1000) -> TinyLM:
    torch.manual_seed(0)
    cfg = BlockConfig()
    model = TinyLM(vocab_size, cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)
    data = torch.randint(0, vocab_size, (64, 65))
    for step in range(steps):
        batch = data[torch.randint(0, data.size(0), (16,))]
        x, y = batch[:, :-1], batch[:, 1:]
        logits, _ = model(x)
        loss = F.cross_entropy(logits.reshape(-1, vocab_size), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        opt.step()
        sched.step()
        if step % 50 == 0:
            print(f"step {step:4d}  loss {loss.item():.3f}  ppl {math.exp(loss.item()):.1f}")
    return model


def finetune_with_lora(model_name: str = "gpt2") -> None:
    """Parameter-efficient fine-tuning: freeze the base model, train low-rank adapters."""
    tokenizer = AutoTokenizer.from_pretrained(model_name)  # byte-level BPE
    base = AutoModelForCausalLM.from_pretrained(model_name)
    lora_config = LoraConfig(
        r=8,
        lora_alpha=16,
        lora_dropout=0.05,
        target_modules=["c_attn"],  # GPT-2 fuses Q, K, V into one projection
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(base, lora_config)
    model.print_trainable_parameters()

    prompt = "Explain the KV cache in one sentence:"
    inputs = tokenizer(prompt, return_tensors="pt")
    out = model.generate(
        **inputs,
        max_new_tokens=40,
        do_sample=True,
        top_p=0.9,
        temperature=0.7,
        use_cache=True,  # reuse past_key_values between decoding steps
        pad_token_id=tokenizer.eos_token_id,
    )
    print(tokenizer.decode(out[0], skip_special_tokens=True))


def classic_baselines(seed: int = 0) -> None:
    """Two classic classifiers, one of them with calibrated probabilities."""
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(0.0, 1.0, (200, 4)), rng.normal(1.5, 1.0, (200, 4))])
    y = np.array([0] * 200 + [1] * 200)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)

    knn = KNeighborsClassifier(n_neighbors=7, weights="distance").fit(X_train, y_train)
    print("kNN accuracy:", knn.score(X_test, y_test))

    # Naive Bayes probabilities are often overconfident: calibrate them with isotonic regression.
    nb = CalibratedClassifierCV(GaussianNB(), method="isotonic", cv=5).fit(X_train, y_train)
    print("calibrated NB accuracy:", nb.score(X_test, y_test))
    print("P(y=1) for the first test point:", nb.predict_proba(X_test[:1])[0, 1])


if __name__ == "__main__":
    lm = train_tiny_lm()
    print(generate(lm, torch.zeros(1, 1, dtype=torch.long), max_new_tokens=16))
    classic_baselines()
