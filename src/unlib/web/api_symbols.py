"""``/api/v1/symbols``: parse UN document symbols, find the symbols cited in a text."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Body, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from unlib.symbols import extract, parse_json
from unlib.web.api_models import Mentions, ParsedSymbol

MAX_SYMBOL_CHARS: Final = 300
MAX_SYMBOLS: Final = 1000
MAX_TEXT_CHARS: Final = 200_000

SymbolText = Annotated[str, StringConstraints(max_length=MAX_SYMBOL_CHARS)]

router = APIRouter(prefix="/symbols", tags=["symbols"])


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=MAX_TEXT_CHARS, description="Running text in any language.")
    lang: str | None = Field(
        default=None, max_length=3, description="Its language (detected when omitted)."
    )
    body: str | None = Field(
        default=None,
        max_length=20,
        description="The organ issuing the text (S, A, …): decides bare references.",
    )


@router.get(
    "/parse",
    response_model=ParsedSymbol,
    summary="Parse and normalize one symbol (an invalid one says why)",
)
async def parse_one(
    symbol: Annotated[str, Query(max_length=MAX_SYMBOL_CHARS, examples=["a/res/77/128b"])],
) -> Response:
    return JSONResponse(parse_json(symbol))


@router.post(
    "/parse",
    response_model=list[ParsedSymbol],
    summary=f"Parse up to {MAX_SYMBOLS} symbols, one result per input, in order",
)
async def parse_many(
    symbols: Annotated[list[SymbolText], Body(max_length=MAX_SYMBOLS)],
) -> Response:
    return JSONResponse([parse_json(symbol) for symbol in symbols])


@router.post(
    "/extract",
    response_model=Mentions,
    summary="Every UN document symbol cited in a text, with character offsets",
)
async def extract_mentions(request: ExtractRequest) -> Response:
    lang = request.lang or _detected_language(request.text)
    mentions = extract(request.text, lang, body=request.body)
    return JSONResponse(
        {
            "lang": lang,
            "mentions": [
                {
                    "symbol": m.symbol,
                    "key": m.key,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "kind": m.kind,
                }
                for m in mentions
            ],
        }
    )


def _detected_language(text: str) -> str | None:
    from unlib.text.langid import detect_language

    return detect_language(text)[0] if text.strip() else None
