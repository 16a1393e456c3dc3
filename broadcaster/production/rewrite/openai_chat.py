"""`openai`: any OpenAI-compatible chat-completions endpoint through the `openai` package.

Every per-request problem (timeout, connection, 429/5xx after the client's retries, an answer that
is not the expected JSON or is empty) becomes a RewriteError with a Vietnamese message; the caller
turns it into a FAILED result (store.states.RewriteStatus) and reads the template text instead.
"""

from __future__ import annotations

import logging
import os

import openai
from openai.types.chat import (
    ChatCompletionAssistantMessageParam,
    ChatCompletionMessageParam,
    ChatCompletionSystemMessageParam,
    ChatCompletionUserMessageParam,
)

from broadcaster.errors import RewriteError
from broadcaster.production.rewrite.prompt import build_messages, clean_answer
from broadcaster.production.rewrite.result import Draft
from broadcaster.production.rewrite.settings import RewriteSettings

log = logging.getLogger(__name__)

LOCAL_PLACEHOLDER_KEY = "not-needed"  # most self-hosted servers ignore the key but the client wants one


class OpenAIChatSummarizer:
    name = "openai"
    cacheable = True

    def __init__(self, settings: RewriteSettings) -> None:
        self.settings = settings
        self.model = settings.model
        self._client: openai.OpenAI | None = None

    def _connect(self) -> openai.OpenAI:
        if self._client is None:
            key = os.environ.get(self.settings.api_key_env, "").strip()
            if not key and not self.settings.base_url:
                raise RewriteError(
                    f"Chưa có khóa API cho dịch vụ viết lại (biến môi trường {self.settings.api_key_env}).",
                    "engine 'openai' không có base_url nên gọi dịch vụ OpenAI, dịch vụ này cần khóa",
                    f"đặt biến {self.settings.api_key_env} hoặc khai báo rewrite.base_url",
                )
            self._client = openai.OpenAI(
                api_key=key or LOCAL_PLACEHOLDER_KEY,
                base_url=self.settings.base_url,
                timeout=self.settings.timeout_s,
                max_retries=self.settings.max_retries,
            )
        return self._client

    def summarize(self, source: str, max_words: int) -> Draft:
        draft = self.complete(build_messages(source, max_words))
        return Draft(clean_answer(draft.text), draft.tokens_in, draft.tokens_out)

    def complete(self, messages: list[dict[str, str]]) -> Draft:
        """One chat completion: the answer's text (as sent) and the tokens it cost."""
        temperature = openai.omit if self.settings.temperature is None else self.settings.temperature
        where = self.settings.base_url or "api.openai.com"
        chat = _chat_messages(messages)
        try:
            response = self._connect().chat.completions.create(model=self.model, messages=chat, temperature=temperature)
        except openai.APITimeoutError as exc:
            raise RewriteError(
                f"Dịch vụ viết lại không trả lời trong {self.settings.timeout_s:g} giây.",
                f"máy chủ {where} quá tải hoặc mô hình quá chậm",
                "tăng rewrite.timeout_s hoặc dùng mô hình nhỏ hơn",
            ) from exc
        except openai.APIConnectionError as exc:
            raise RewriteError(
                f"Không kết nối được dịch vụ viết lại {where}.",
                f"mất mạng hoặc máy chủ chưa chạy ({exc})",
                "kiểm tra rewrite.base_url và kết nối mạng",
            ) from exc
        except openai.RateLimitError as exc:
            raise RewriteError(
                "Dịch vụ viết lại từ chối vì gửi quá nhiều yêu cầu (HTTP 429).",
                f"đã thử lại {self.settings.max_retries} lần; hết hạn mức",
                "chờ rồi chạy lại, hoặc tăng hạn mức của khóa API",
            ) from exc
        except openai.APIStatusError as exc:
            raise RewriteError(
                f"Dịch vụ viết lại báo lỗi HTTP {exc.status_code}.",
                _status_cause(exc.status_code),
                "xem nhật ký máy chủ; chương trình vẫn dùng văn bản gốc",
            ) from exc
        except (openai.OpenAIError, ValueError) as exc:  # undecodable body, validation errors
            raise _malformed(f"{type(exc).__name__}: {exc}") from exc
        return _draft(response)


def _chat_messages(messages: list[dict[str, str]]) -> list[ChatCompletionMessageParam]:
    """The prompt's plain {"role", "content"} messages as the client's typed ones (same dicts)."""
    out: list[ChatCompletionMessageParam] = []
    for m in messages:
        role, content = m["role"], m["content"]
        if role == "system":
            out.append(ChatCompletionSystemMessageParam(role="system", content=content))
        elif role == "user":
            out.append(ChatCompletionUserMessageParam(role="user", content=content))
        elif role == "assistant":
            out.append(ChatCompletionAssistantMessageParam(role="assistant", content=content))
        else:
            raise ValueError(f"unknown chat role {role!r}")
    return out


def _status_cause(code: int) -> str:
    if code in (401, 403):
        return "khóa API sai hoặc không có quyền"
    if code == 404:
        return "sai base_url hoặc tên mô hình"
    return "máy chủ gặp lỗi nội bộ" if code >= 500 else "yêu cầu không được chấp nhận"


def _malformed(detail: str) -> RewriteError:
    return RewriteError(
        "Câu trả lời của dịch vụ viết lại không đúng định dạng.",
        f"máy chủ không trả về kết quả chat completions hợp lệ ({detail[:200]})",
        "kiểm tra rewrite.base_url trỏ tới API tương thích OpenAI",
    )


def _draft(response: object) -> Draft:
    try:
        content = response.choices[0].message.content  # type: ignore[attr-defined]
    except (AttributeError, IndexError, TypeError) as exc:
        raise _malformed(f"thiếu choices[0].message.content: {exc}") from exc
    if not isinstance(content, str) or not content.strip():
        raise _malformed("nội dung trả lời rỗng")
    usage = getattr(response, "usage", None)
    tokens_in = int(getattr(usage, "prompt_tokens", 0) or 0)
    tokens_out = int(getattr(usage, "completion_tokens", 0) or 0)
    log.debug("Dịch vụ trả lời: %d token vào, %d token ra", tokens_in, tokens_out)
    return Draft(content, tokens_in, tokens_out)
