// H5 renders real DOM elements: React puts aria-* on them already.
export {}
